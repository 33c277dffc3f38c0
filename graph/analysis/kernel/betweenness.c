/*
 * Betweenness dependencies, 32 sources at a time (Brandes over a CSR graph,
 * unweighted, undirected). Compiled to WebAssembly by build.sh; loaded by
 * betweenness-kernel.ts, which owns the memory and lays out the arrays.
 *
 * Bit i of a node's word stands for source i of the batch, so one pass over a
 * node's arcs advances all 32 searches. Each level of the searches is kept as a
 * list of (node, word) in node order; a node is in a level's list when at least
 * one search reached it at that depth.
 *
 * Forward: each arc that carries bits becomes one pair per bit, stored as the
 * head's slot (node * 32 + lane; the tail's slot is the same lane of the entry
 * the pair was made for). sigma (shortest-path counts) then flows along the
 * level's pairs. Backward, with each node v standing for c(v) targets (itself
 * and the nodes of the trees folded into it, betweenness-plan.ts) and
 * gamma(v) = (c(v) + delta'(v)) / sigma(v), Brandes' recurrence becomes
 * gamma(u) = c(u)/sigma(u) + sum of gamma(w) over u's successors w, walked
 * along the same pairs, deepest level first. The dependency on u, the c(u) - 1
 * folded targets behind it included, is then delta(u) = sigma(u) * gamma(u) -
 * 1, added with the source's weight. Sources (level 0) are not counted.
 *
 * Expanding the bits first keeps the loops that touch sigma and gamma free of
 * data-dependent branches, so their scattered reads overlap. When a batch has
 * more pairs than there is room for, it applies them a level at a time and
 * finds the arcs again on the way back.
 */
typedef unsigned int u32;
typedef int i32;
#define LANES 32

/* Laid out by the caller; sums, sigma, seen and dense are zero on entry. */
struct work {
  i32 n, count, pairRoom;
  const i32 *offsets, *targets, *sources;
  const double *weights;       /* [count]: sources each source stands for */
  const double *targetWeights; /* [n]: targets each node stands for */
  double *sums;     /* [n] */
  double *sigma;    /* [n * LANES] */
  double *gamma;    /* [n * LANES] */
  u32 *seen;        /* [n] searches that have reached the node */
  u32 *dense;       /* [n] scratch: one level's words by node */
  i32 *listNode;    /* [LANES * n + LANES]: at most one entry per node per depth */
  u32 *listWord;    /* [LANES * n + LANES] */
  i32 *levelStart;  /* [n + 3] */
  i32 *pairStart;   /* [LANES * n + LANES + 1]: each entry's first pair */
  u32 *pairTo;      /* [pairRoom]: head slots */
};

/* sigma(head) += sigma(tail) along the pairs of list entries [first, end). */
static void flow(const struct work *w, i32 first, i32 end) {
  const i32 *pairStart = w->pairStart, *listNode = w->listNode;
  const u32 *pairTo = w->pairTo;
  double *sigma = w->sigma;
  for (i32 i = first; i < end; i++) {
    const double *su = sigma + listNode[i] * LANES;
    for (i32 q = pairStart[i], stop = pairStart[i + 1]; q < stop; q++)
      sigma[pairTo[q]] += su[pairTo[q] & (LANES - 1)];
  }
}

/* Level 0 is the batch's sources; returns the depth of the deepest level. */
static i32 forward(const struct work *w, const i32 *sources, i32 batch, i32 *kept) {
  const i32 n = w->n, *offsets = w->offsets, *targets = w->targets;
  double *sigma = w->sigma;
  u32 *seen = w->seen, *dense = w->dense, *listWord = w->listWord;
  u32 *pairTo = w->pairTo;
  i32 *listNode = w->listNode, *levelStart = w->levelStart, *pairStart = w->pairStart;
  for (i32 i = 0; i < batch; i++) {
    i32 s = sources[i];
    dense[s] |= 1u << i;
    seen[s] |= 1u << i;
    sigma[s * LANES + i] = 1;
  }
  i32 top = 0, depth = 0, pairs = 0;
  *kept = 1;
  levelStart[0] = 0;
  for (i32 v = 0; v < n; v++) {
    if (!dense[v]) continue;
    listNode[top] = v;
    listWord[top++] = dense[v];
    dense[v] = 0;
  }
  levelStart[1] = top;
  for (;;) {
    /* The next level's words gather in dense, then become its list. */
    i32 first = levelStart[depth], end = levelStart[depth + 1];
    for (i32 i = first; i < end; i++) {
      i32 u = listNode[i];
      u32 fu = listWord[i];
      i32 k = offsets[u], stop = offsets[u + 1];
      if (pairs + LANES * (stop - k) > w->pairRoom) {
        /* Out of room: this level's pairs so far flow now, and the batch keeps none. */
        pairStart[i] = pairs;
        flow(w, first, i);
        first = i;
        pairs = 0;
        *kept = 0;
      }
      pairStart[i] = pairs;
      for (; k < stop; k++) {
        i32 v = targets[k];
        u32 m = fu & ~seen[v];
        if (!m) continue;
        dense[v] |= m;
        u32 to = (u32)v * LANES;
        do {
          pairTo[pairs++] = to + __builtin_ctz(m);
          m &= m - 1;
        } while (m);
      }
    }
    pairStart[end] = pairs;
    flow(w, first, end);
    if (!*kept) pairs = 0;
    i32 start = top;
    for (i32 v = 0; v < n; v++) {
      u32 word = dense[v];
      if (!word) continue;
      listNode[top] = v;
      listWord[top++] = word;
      seen[v] |= word;
      dense[v] = 0;
    }
    if (top == start) {
      levelStart[depth + 2] = top;
      break;
    }
    depth++;
    levelStart[depth + 1] = top;
  }
  return depth;
}

/* gamma(u) += gamma(w) for each level's arcs, found again from the next level's words. */
static void backward_scanned(const struct work *w, i32 depth) {
  const i32 *offsets = w->offsets, *targets = w->targets, *listNode = w->listNode;
  const i32 *levelStart = w->levelStart;
  const u32 *listWord = w->listWord;
  u32 *dense = w->dense;
  double *gamma = w->gamma;
  for (i32 level = depth - 1; level >= 1; level--) {
    for (i32 i = levelStart[level + 1], end = levelStart[level + 2]; i < end; i++)
      dense[listNode[i]] = listWord[i];
    for (i32 i = levelStart[level], end = levelStart[level + 1]; i < end; i++) {
      i32 u = listNode[i];
      u32 lu = listWord[i];
      double *gu = gamma + u * LANES;
      for (i32 k = offsets[u], stop = offsets[u + 1]; k < stop; k++) {
        u32 m = lu & dense[targets[k]];
        if (!m) continue;
        const double *gv = gamma + targets[k] * LANES;
        do {
          i32 lane = __builtin_ctz(m);
          m &= m - 1;
          gu[lane] += gv[lane];
        } while (m);
      }
    }
    for (i32 i = levelStart[level + 1], end = levelStart[level + 2]; i < end; i++)
      dense[listNode[i]] = 0;
  }
}

/*
 * One batch of up to 32 sources. Kept out of line: the engine compiles a
 * function with its baseline compiler first and swaps in optimised code for
 * later calls, so the work is done in calls, one per batch.
 */
__attribute__((noinline)) static void batch_sums(const struct work *w, const i32 *sources,
                                                 const double *weights, i32 batch) {
  const i32 n = w->n;
  double *sigma = w->sigma, *gamma = w->gamma;
  double laneWeight[LANES];
  for (i32 i = 0; i < LANES; i++) laneWeight[i] = i < batch ? weights[i] : 0;
  i32 kept;
  i32 depth = forward(w, sources, batch, &kept);
  for (i32 v = 0; v < n; v++) {
    double c = w->targetWeights[v];
    for (i32 lane = 0; lane < LANES; lane++) {
      double s = sigma[v * LANES + lane];
      gamma[v * LANES + lane] = s == 0 ? 0 : c / s;
    }
  }
  /* A source is not its own target: delta = 1 * 1 - 1 = 0 there. */
  for (i32 i = 0; i < batch; i++) gamma[sources[i] * LANES + i] = 1;
  if (kept) {
    /* Deepest first; the pairs out of the sources (level 0) are not needed. */
    const u32 *pairTo = w->pairTo;
    const i32 *pairStart = w->pairStart;
    for (i32 i = w->levelStart[depth] - 1; i >= w->levelStart[1]; i--) {
      double *gu = gamma + w->listNode[i] * LANES;
      for (i32 q = pairStart[i], stop = pairStart[i + 1]; q < stop; q++)
        gu[pairTo[q] & (LANES - 1)] += gamma[pairTo[q]];
    }
  } else {
    backward_scanned(w, depth);
  }
  for (i32 v = 0; v < n; v++) {
    double *sv = sigma + v * LANES;
    const double *gv = gamma + v * LANES;
    double sum = 0;
    for (i32 lane = 0; lane < LANES; lane++) {
      double s = sv[lane];
      if (s != 0) sum += laneWeight[lane] * (s * gv[lane] - 1);
      sv[lane] = 0;
    }
    w->sums[v] += sum;
    w->seen[v] = 0;
  }
}

void dependency_sums(const struct work *w) {
  for (i32 b = 0; b < w->count; b += LANES) {
    i32 batch = w->count - b < LANES ? w->count - b : LANES;
    batch_sums(w, w->sources + b, w->weights + b, batch);
  }
}
