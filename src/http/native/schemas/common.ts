import { Type, type TSchema } from 'typebox';

/** Request objects are strict: an unknown field is a 400, never silently dropped. */
export function StrictObject<Properties extends Record<string, TSchema>>(properties: Properties) {
  return Type.Object(properties, { additionalProperties: false });
}

export const ErrorEnvelope = Type.Object(
  {
    status: Type.Literal('error'),
    message: Type.String(),
    code: Type.String({
      description: 'VALIDATION_ERROR, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMIT_EXCEEDED or SERVER_ERROR',
    }),
  },
);

/** Error responses every route may give; listed so the OpenAPI document shows them. */
export const errorResponses = {
  '4xx': ErrorEnvelope,
  '5xx': ErrorEnvelope,
};

export function SuccessEnvelope<Data extends TSchema>(data: Data) {
  return Type.Object({
    status: Type.Literal('success'),
    message: Type.Optional(Type.String()),
    data,
  });
}

export const MessageEnvelope = Type.Object({
  status: Type.Literal('success'),
  message: Type.String(),
  data: Type.Null(),
});

export const Pagination = Type.Object({
  total: Type.Integer(),
  pages: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});

export function PaginatedEnvelope<Item extends TSchema>(item: Item) {
  return Type.Object({
    status: Type.Literal('success'),
    data: Type.Array(item),
    pagination: Pagination,
  });
}

export const PageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const IdParams = StrictObject({ id: Type.String({ minLength: 1, maxLength: 64 }) });
