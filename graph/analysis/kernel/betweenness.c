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
 * Forward: sigma (shortest-path counts) flows along each arc for the searches
 * whose bit the arc carries, and each such arc is recorded with its word.
 * Backward, with gamma(v) = (1 + delta(v)) / sigma(v), Brandes' recurrence
 * becomes delta(u) = sigma(u) * (sum of gamma(w) over u's successors w), and
 * gamma(u) = 1/sigma(u) + that same sum; delta is added with the source's
 * weight. Sources (level 0) are not counted. The backward pass replays the
 * recorded arcs; when a batch records more than there is room for, it finds
 * them again instead.
 */
typedef unsigned int u32;
typedef int i32;
#define LANES 32

/* Laid out by the caller; sums, sigma, seen and dense are zero on entry. */
struct work {
  i32 n, count, arcRoom;
  const i32 *offsets, *targets, *sources;
  const double *weights;
  double *sums;     /* [n] */
  double *sigma;    /* [n * LANES]: sigma, then gamma once a node's level is done */
  u32 *seen;        /* [n] searches that have reached the node */
  u32 *dense;       /* [n] scratch: one level's words by node */
  i32 *listNode;    /* [LANES * n + LANES]: at most one entry per node per depth */
  u32 *listWord;    /* [LANES * n + LANES] */
  i32 *levelStart;  /* [n + 3] */
  i32 *arcStart;    /* [LANES * n + LANES + 1]: each entry's first recorded arc */
  i32 *arcNode;     /* [arcRoom] */
  u32 *arcWord;     /* [arcRoom] */
};

/* Level 0 is the batch's sources; returns the depth of the deepest level. */
static i32 forward(const struct work *w, const i32 *sources, i32 batch, i32 *recorded) {
  const i32 n = w->n, *offsets = w->offsets, *targets = w->targets;
  double *sigma = w->sigma;
  u32 *seen = w->seen, *dense = w->dense, *listWord = w->listWord;
  i32 *listNode = w->listNode, *levelStart = w->levelStart, *arcStart = w->arcStart;
  i32 *arcNode = w->arcNode;
  u32 *arcWord = w->arcWord;
  for (i32 i = 0; i < batch; i++) {
    i32 s = sources[i];
    dense[s] |= 1u << i;
    seen[s] |= 1u << i;
    sigma[s * LANES + i] = 1;
  }
  i32 top = 0, depth = 0, arcs = 0, room = 1;
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
    for (i32 i = levelStart[depth], end = levelStart[depth + 1]; i < end; i++) {
      i32 u = listNode[i];
      u32 fu = listWord[i];
      const double *su = sigma + u * LANES;
      i32 first = offsets[u], stop = offsets[u + 1];
      if (room && arcs + (stop - first) > w->arcRoom) room = 0;
      arcStart[i] = arcs;
      for (i32 k = first; k < stop; k++) {
        i32 v = targets[k];
        u32 m = fu & ~seen[v];
        if (!m) continue;
        if (room) {
          arcNode[arcs] = v;
          arcWord[arcs++] = m;
        }
        dense[v] |= m;
        double *sv = sigma + v * LANES;
        do {
          i32 lane = __builtin_ctz(m);
          m &= m - 1;
          sv[lane] += su[lane];
        } while (m);
      }
    }
    i32 start = top;
    for (i32 v = 0; v < n; v++) {
      u32 word = dense[v];
      if (!word) continue;
      listNode[top] = v;
      listWord[top++] = word;
      seen[v] |= word;
      dense[v] = 0;
    }
    arcStart[start] = arcs;
    if (top == start) {
      levelStart[depth + 2] = top;
      break;
    }
    depth++;
    levelStart[depth + 1] = top;
  }
  *recorded = room;
  return depth;
}

/*
 * Backward, deepest level first. On the way, each lane of a node's sigma is
 * replaced by its gamma once the node's level is done: its predecessors read
 * gamma there. acc holds sum of gamma(w) over the successors, per lane.
 */
static void finish_entry(const struct work *w, i32 u, u32 lu, const double *acc,
                         const double *laneWeight) {
  double *su = w->sigma + u * LANES;
  double sum = 0;
  do {
    i32 lane = __builtin_ctz(lu);
    lu &= lu - 1;
    double s = su[lane], g = acc[lane];
    sum += laneWeight[lane] * s * g;
    su[lane] = 1 / s + g;
  } while (lu);
  w->sums[u] += sum;
}

static void backward_recorded(const struct work *w, i32 depth, const double *laneWeight) {
  const i32 *listNode = w->listNode, *arcStart = w->arcStart, *arcNode = w->arcNode;
  const u32 *listWord = w->listWord, *arcWord = w->arcWord;
  const double *sigma = w->sigma;
  double acc[LANES];
  for (i32 i = w->levelStart[depth + 1] - 1; i >= w->levelStart[1]; i--) {
    u32 lu = listWord[i];
    for (u32 m = lu; m; m &= m - 1) acc[__builtin_ctz(m)] = 0;
    for (i32 a = arcStart[i], stop = arcStart[i + 1]; a < stop; a++) {
      u32 m = arcWord[a];
      const double *gv = sigma + arcNode[a] * LANES;
      do {
        i32 lane = __builtin_ctz(m);
        m &= m - 1;
        acc[lane] += gv[lane];
      } while (m);
    }
    finish_entry(w, listNode[i], lu, acc, laneWeight);
  }
}

/* The same, finding each level's arcs again from the next level's words. */
static void backward_scanned(const struct work *w, i32 depth, const double *laneWeight) {
  const i32 *offsets = w->offsets, *targets = w->targets, *listNode = w->listNode;
  const i32 *levelStart = w->levelStart;
  const u32 *listWord = w->listWord;
  u32 *dense = w->dense;
  const double *sigma = w->sigma;
  double acc[LANES];
  for (i32 level = depth; level >= 1; level--) {
    for (i32 i = levelStart[level + 1], end = levelStart[level + 2]; i < end; i++)
      dense[listNode[i]] = listWord[i];
    for (i32 i = levelStart[level], end = levelStart[level + 1]; i < end; i++) {
      i32 u = listNode[i];
      u32 lu = listWord[i];
      for (u32 m = lu; m; m &= m - 1) acc[__builtin_ctz(m)] = 0;
      for (i32 k = offsets[u], stop = offsets[u + 1]; k < stop; k++) {
        u32 m = lu & dense[targets[k]];
        if (!m) continue;
        const double *gv = sigma + targets[k] * LANES;
        do {
          i32 lane = __builtin_ctz(m);
          m &= m - 1;
          acc[lane] += gv[lane];
        } while (m);
      }
      finish_entry(w, u, lu, acc, laneWeight);
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
  double laneWeight[LANES];
  for (i32 i = 0; i < LANES; i++) laneWeight[i] = i < batch ? weights[i] : 0;
  i32 recorded;
  i32 depth = forward(w, sources, batch, &recorded);
  if (recorded) backward_recorded(w, depth, laneWeight);
  else backward_scanned(w, depth, laneWeight);
  for (i32 i = 0; i < w->n * LANES; i++) w->sigma[i] = 0;
  for (i32 v = 0; v < w->n; v++) w->seen[v] = 0;
}

void dependency_sums(const struct work *w) {
  for (i32 b = 0; b < w->count; b += LANES) {
    i32 batch = w->count - b < LANES ? w->count - b : LANES;
    batch_sums(w, w->sources + b, w->weights + b, batch);
  }
}
