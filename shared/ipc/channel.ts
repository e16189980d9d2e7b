/**
 * A channel is data: the zod schema of its input, a type-only marker of its output, and who may
 * call it. Main parses every input with the schema; the renderer only borrows the types.
 */
import type { z } from 'zod'

export type Access = 'public' | 'signedIn' | 'supervisor'

/** Carries the output type only; there is no runtime value behind it. */
export interface OutputMarker<O> {
  readonly __output?: O
}

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I
  readonly output: OutputMarker<O>
  readonly access: Access
}

/**
 * `channel<Output>()({ input, access })`: curried so the output type is written by hand while the
 * input type is inferred from the schema.
 */
export function channel<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): ChannelSpec<I, O> => ({
    input: spec.input,
    access: spec.access,
    output: {}
  })
}
