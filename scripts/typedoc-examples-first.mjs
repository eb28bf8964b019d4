// @ts-check
/**
 * A typedoc plugin (typedoc.json `plugin`): every comment shows its `@example` before its other
 * block tags (`@remarks`, `@throws`, …), so that a function's page shows what a call looks like
 * right after its summary and parameters, on the first screen, instead of after the fine print.
 */
import { Converter } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const comments = [
        reflection.comment,
        ...('signatures' in reflection ? (reflection.signatures ?? []) : []).map((s) => s.comment),
      ];
      for (const comment of comments) {
        if (comment === undefined) continue;
        const rank = (/** @type {{ tag: string }} */ t) => (t.tag === '@example' ? 0 : 1);
        comment.blockTags = [...comment.blockTags].sort((a, b) => rank(a) - rank(b));
      }
    }
  });
}
