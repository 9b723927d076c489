import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphContext } from '../graph/context';
import { rememberAnswer } from '../http/response-memo';
import type { KeptAnswers } from '../store/kept-answers';

/**
 * Fills the isolate's response memo, whose hits the front door's memo stage answers
 * (src/front/memo.ts), under the key that stage computed (`context.memo`; the policy is
 * src/http/response-memo.ts). A warm article page executes about a thousand fields and
 * serializes them; popular pages repeat, so a repeat is answered from the kept text. Only
 * answers without errors are kept, and only once the response is known to be what the memo
 * stage sends (200, the negotiated media type): never a stream, never an error status.
 */
export function useResponseMemo(memo: KeptAnswers): Plugin<Record<string, unknown>, GraphContext> {
  const pending = new WeakMap<Request, string>();
  return {
    onExecutionResult({ request, result, setResult, context }) {
      if (!context.memo || !result || Symbol.asyncIterator in result) return;
      if (result.errors?.length || result.extensions) return;
      // Serialized once here, and that text is also what yoga sends for this request.
      const text = JSON.stringify(result);
      pending.set(request, text);
      setResult({ ...result, stringify: () => text } as ExecutionResult);
    },
    onResponse({ request, response, serverContext }) {
      const text = pending.get(request);
      const { memo: lookup, reader, waitUntil } = serverContext as Partial<GraphContext>;
      if (text === undefined || !lookup || !reader || !waitUntil) return;
      pending.delete(request);
      // What the answer read decides at which later versions it may still be served; packed once the answer is sent.
      waitUntil(rememberAnswer(memo, lookup, response, text, reader.answerReads()));
    },
  };
}
