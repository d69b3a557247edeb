import { Type } from 'typebox';
import { StrictObject } from './common.js';

export const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
// The upper bound keeps a hash request from becoming a denial of service.
export const Password = Type.String({ minLength: 8, maxLength: 256 });
const PersonName = Type.String({ maxLength: 100 });
const NullablePersonName = Type.Union([PersonName, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export const User = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    email: Type.String(),
    firstName: Type.Union([Type.String(), Type.Null()]),
    lastName: Type.Union([Type.String(), Type.Null()]),
    role: Type.Union([Type.Literal('admin'), Type.Literal('user')]),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  },
);

export const TokenPair = {
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  expiresAt: Timestamp,
};

export const RegisterBody = StrictObject({
  username: Username,
  email: Email,
  password: Password,
  firstName: Type.Optional(PersonName),
  lastName: Type.Optional(PersonName),
});

export const LoginBody = StrictObject({
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 254, description: 'Username or email' })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const RefreshBody = StrictObject({ refreshToken: Type.String({ minLength: 1, maxLength: 512 }) });

export const LogoutBody = StrictObject({ refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })) });

export const PasswordResetRequestBody = StrictObject({ email: Email });

export const PasswordResetBody = StrictObject({
  token: Type.String({ minLength: 1, maxLength: 512 }),
  password: Password,
});

export const UpdateMeBody = StrictObject({
  username: Type.Optional(Username),
  email: Type.Optional(Email),
  firstName: Type.Optional(NullablePersonName),
  lastName: Type.Optional(NullablePersonName),
  currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  newPassword: Type.Optional(Password),
});

export const AdminUpdateUserBody = StrictObject({
  role: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('user')])),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  firstName: Type.Optional(NullablePersonName),
  lastName: Type.Optional(NullablePersonName),
  email: Type.Optional(Email),
});

export const ApiKeyScope = Type.Union([Type.Literal('read'), Type.Literal('write')]);

export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(ApiKeyScope),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
});

export const CreateApiKeyBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scopes: Type.Optional(Type.Array(ApiKeyScope, { minItems: 1, maxItems: 2, uniqueItems: true })),
  expiresAt: Type.Optional(Timestamp),
});

export const OutboxMail = Type.Object({
  id: Type.String(),
  recipient: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
});
