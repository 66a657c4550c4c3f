import * as Comlink from 'comlink';
import { PlaygroundError, type ErrorCode } from '../core/errors';

/**
 * Comlink sends a thrown error across the worker boundary as its message, name and stack only;
 * this keeps a PlaygroundError's code and hint (what to do), so the page shows the worker's advice
 * rather than taking a refusal for a bug. Installed on both sides.
 */
export function keepPlaygroundErrors(): void {
  const original = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    canHandle: original.canHandle,
    serialize(thrown: unknown) {
      const value = (thrown as { value: unknown }).value;
      if (value instanceof PlaygroundError) {
        return [{ isError: true, value: { playground: true, code: value.code, message: value.message, hint: value.hint, name: value.name } }, []];
      }
      return original.serialize(thrown);
    },
    deserialize(serialized: unknown) {
      const s = serialized as { isError?: boolean; value?: { playground?: boolean; code: ErrorCode; message: string; hint: string } };
      if (s.isError && s.value?.playground) throw new PlaygroundError(s.value.code, s.value.message, s.value.hint);
      return original.deserialize(serialized);
    },
  } as Comlink.TransferHandler<unknown, unknown>);
}
