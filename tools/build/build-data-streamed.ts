import { checkedBuild, type BuildOptions, type BuildResult } from './build-data-set';
import { compileStreamed, type StreamedData } from './compile';
import type { SourceFile } from './read-data-set';
import { spillSearchIndex } from './search-spill';

/**
 * The build step for full builds (`npm run build:data`, the bench's corpora): as
 * buildDataSet, but the search index spills to disk (search-spill.ts) and the entries are
 * built as they are read, so memory stays bounded as the corpus grows. Node only. The caller
 * disposes of the data once it has read the entries.
 */
export function buildDataSetStreamed(files: SourceFile[], options: BuildOptions): Promise<BuildResult<StreamedData>> {
  return checkedBuild(files, options, (dataSet, builtAt, hash) => compileStreamed(dataSet, builtAt, hash, spillSearchIndex));
}
