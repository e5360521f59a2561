// A form field checked by the API's own zod schema: the field's rule parses the body the form would send and
// shows the message of the issue at the field's path, so the browser says exactly what POST would answer
// (same rule, same zh-CN words) before anything is sent. API answers name fields the same way
// (`applicant.idNo`), so one mapping serves both.
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';

export type FieldPath = (string | number)[];

/** The zh-CN message of the first issue at `path`, if any. */
export function issueAt(result: z.ZodSafeParseResult<unknown>, path: FieldPath): string | undefined {
  if (result.success) return undefined;
  const key = path.join('.');
  return result.error.issues.find((issue) => issue.path.join('.') === key)?.message;
}

/**
 * The rule of one field: `check` parses the form's current body; `isRequired` only draws the marker (the schema
 * decides what is missing).
 */
export function schemaRule(check: () => z.ZodSafeParseResult<unknown>, path: FieldPath, isRequired = false): FormRule {
  return {
    required: isRequired,
    validator: async () => {
      const message = issueAt(check(), path);
      if (message) throw new Error(message);
    },
  };
}

/** An API error's `fields` (`applicant.idNo` → message) on the form's fields; those the form lacks are returned. */
export function showFieldErrors(
  form: FormInstance,
  fields: Record<string, string>,
  formPaths: readonly string[] | ((key: string) => boolean),
): Record<string, string> {
  const isShown = typeof formPaths === 'function' ? formPaths : (key: string) => formPaths.includes(key);
  const shown = Object.entries(fields).filter(([key]) => isShown(key));
  // list items are named by their index (attachments.0.url), as antd's Form.List names them
  form.setFields(shown.map(([key, message]) => ({ name: key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [message] })));
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !isShown(key)));
}
