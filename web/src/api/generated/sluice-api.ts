// Generated from Sluice's own GET /openapi.json by `npm run generate:api-types`. Do not edit by hand:
// change the route schemas on the server and regenerate; a test fails while this file is out of date.
export interface paths {
    "/admin/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List upstream accounts (credential hints only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Account"][];
                        };
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        /** Add an upstream account (provider defaults to amazonq) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccountInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an account; the merged result is validated before anything is written */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccountPatch"];
                };
            };
            responses: {
                /** @description The changed account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/accounts/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fetch the current balance or quota from the upstream */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The balance (null when unsupported) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: {
                                [key: string]: unknown;
                            } | null;
                        };
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The hook is not wired in this build. */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/accounts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health history, recent errors, balance over time and daily usage of one account */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountHistory"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/accounts/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a tiny request through the account and report the outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Test outcome */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            latency_ms?: number;
                            message?: string;
                            ok: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The hook is not wired in this build. */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/accounts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable, disable or delete several accounts at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "enable" | "disable" | "delete";
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description One result per id, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                error: string | null;
                                id: string;
                                ok: boolean;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/accounts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add many accounts from account objects or the credential files people already have
         * @description Accepts a JSON array of account objects (as POST /admin/accounts), a single object, `{files: [{name, content | content_base64}], text}`, or multipart/form-data with `file` parts and an optional `text` field. Understood files: Kiro IDE `kiro-auth-token.json` with its client-registration file for IdC logins, the Amazon Q Developer CLI / kiro-cli stored token (its `data.sqlite3`, or the auth_kv token and device-registration JSON), kiro.rs `credentials.json` (API keys included) and amq2api account exports. Each row reports created, duplicate (same refresh token or key) or rejected with the reason; no secret is echoed back.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown[] | components["schemas"]["AccountImportFiles"] | {
                        [key: string]: unknown;
                    };
                    "multipart/form-data": {
                        file?: unknown;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description A result per row */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountImportResult"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List client API keys (hints only, never the keys) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        /** Create a client API key; the plaintext `key` is returned this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One client API key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke (delete) a key; its name stays in logs and stats */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a key (name, admin flag, limits, concurrency, expiry, models, budgets, enabled) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyPatch"];
                };
            };
            responses: {
                /** @description The changed key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every admin change, newest first, with filters and cursor pagination; kept as long as the request log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor_key_id?: string;
                    /** @description `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description ISO 8601, inclusive. */
                    from?: string;
                    limit?: number;
                    target_id?: string;
                    /** @description accounts, api-keys, settings, … */
                    target_type?: string;
                    /** @description ISO 8601, exclusive. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of audit entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Request log, newest first, with cursor pagination */
        get: {
            parameters: {
                query?: {
                    account_id?: string;
                    api_key_id?: string;
                    /** @description `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description ISO 8601, inclusive. */
                    from?: string;
                    limit?: number;
                    model?: string;
                    status?: "success" | "error";
                    /** @description ISO 8601, exclusive. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RequestLog"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request by its request id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestLog"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description No such resource. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The effective runtime settings (stored values over defaults) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settings"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the given top-level fields; the merged result is validated before it is stored */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description The new effective settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settings"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/admin/stats/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage per upstream account, busiest first */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 start (default: 30 days before `to`). */
                    from?: string;
                    /** @description ISO 8601 end, exclusive (default: now). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage per upstream account, busiest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountUsage"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/stats/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage per API key, busiest first */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 start (default: 30 days before `to`). */
                    from?: string;
                    /** @description ISO 8601 end, exclusive (default: now). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage per API key, busiest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeyUsage"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/stats/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage per requested model, busiest first */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 start (default: 30 days before `to`). */
                    from?: string;
                    /** @description ISO 8601 end, exclusive (default: now). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage per requested model, busiest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelUsage"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals for today, the last 7 and 30 days, and account health counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UsageOverview"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/stats/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage per hour or day, optionally per model, provider, key or account */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 start (default: 24 hours or 30 days before `to`). */
                    from?: string;
                    granularity?: "hour" | "day";
                    group_by?: "none" | "model" | "provider" | "key" | "account";
                    /** @description ISO 8601 end, exclusive (default: now). */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Timeline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UsageTimeline"];
                    };
                };
                /** @description Invalid input; the message names the field. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
                /** @description The key is not an admin key. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI Chat Completions (streaming with `stream: true`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description A chat completion, or an SSE stream of chunks. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request, in the caller’s format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Body too large. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Per-key RPM/RPD reached (see retry-after), or every account busy. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI legacy completions, forwarded to an OpenAI or OpenAI-compatible account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description A text completion, or an SSE stream of chunks. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request, in the caller’s format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Body too large. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Per-key RPM/RPD reached (see retry-after), or every account busy. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI embeddings, forwarded to an OpenAI or OpenAI-compatible account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description The upstream’s embeddings list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request, in the caller’s format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Body too large. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Per-key RPM/RPD reached (see retry-after), or every account busy. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own key: limits and budgets with what is left, daily usage, recent requests
         * @description Any valid key may call it. It shows only the calling key; it does not count against the rate limits.
         */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Missing, unknown, disabled or expired API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Anthropic Messages (streaming with `stream: true`; `?beta=true` accepted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description A message, or an SSE stream of events. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request, in the caller’s format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Body too large. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Per-key RPM/RPD reached (see retry-after), or every account busy. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/count_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Anthropic token counting (does not count against RPM/RPD) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description `{input_tokens}` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request, in the caller’s format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Body too large. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Per-key RPM/RPD reached (see retry-after), or every account busy. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models the pool serves */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An OpenAI-style model list. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model (Anthropic’s shape when the request carries anthropic-version) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The model. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No account serves that model. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI Responses (streaming with `stream: true`; `store` and `previous_response_id`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description A response object, or an SSE stream of Responses events. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request, in the caller’s format. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Body too large. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A WebSocket upgrade on this path: use HTTP (SSE or JSON) instead. */
                426: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Per-key RPM/RPD reached (see retry-after), or every account busy. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Account: {
            /** @enum {string|null} */
            auth_method: "social" | "idc" | "api_key" | null;
            /** @description Amazon Q / Kiro OIDC region; null means the API region. */
            auth_region: string | null;
            /** @description Amazon Q / Kiro token endpoint override; null means the default. */
            auth_url: string | null;
            balance: {
                [key: string]: unknown;
            } | null;
            balance_checked_at: string | null;
            balance_threshold: number | null;
            /** @description The override; null means the provider's default. */
            base_url: string | null;
            cooldown_until: string | null;
            created_at: string;
            credentials: {
                api_key: string | null;
                client_id: string | null;
                client_secret: boolean;
                refresh_token: string | null;
            };
            enabled: boolean;
            /** @description Header names, each value masked as ***. */
            headers: {
                [key: string]: string;
            } | null;
            id: string;
            /** @enum {string|null} */
            idc_kind: "builder_id" | "enterprise" | null;
            /** @description Whether the pool would pick this account now. */
            in_rotation: boolean;
            initial_balance: number | null;
            last_error: string | null;
            last_error_at: string | null;
            last_used_at: string | null;
            /** @description Present when the pool reports live numbers. */
            live?: {
                cooldown_until: string | null;
                in_flight: number;
                rpm_now: number;
            };
            max_concurrency: number | null;
            models: string[] | null;
            name: string;
            priority: number;
            profile_arn: string | null;
            provider: string;
            /** @description With any password masked as ***. */
            proxy_url: string | null;
            /** @description Amazon Q / Kiro region; null means us-east-1. */
            region: string | null;
            requests_per_minute: number | null;
            /** @description As of now: a cooldown or quota reset that has passed reads as active. */
            status: string;
            status_changed_at: string | null;
            /** @description Why the account has its status, or why it is out of rotation (balance below its threshold). */
            status_reason: string | null;
            /** @description OpenAI-compatible accounts: the server also speaks the Responses API. */
            supports_responses: boolean | null;
            total_cost: number;
            total_credits: number;
            total_requests: number;
            total_tokens: number;
            updated_at: string;
            user_agent: string | null;
            weight: number;
        };
        AccountHistory: {
            account_id: string;
            /** @description Balance readings, oldest first (for a chart). */
            balance: {
                at: string;
                balance_remaining: number | null;
                /** @enum {string} */
                kind: "status" | "error" | "balance";
                message: string | null;
                status: string | null;
            }[];
            /** @description Recorded errors, at most one per 30 s, newest first. */
            errors: {
                at: string;
                balance_remaining: number | null;
                /** @enum {string} */
                kind: "status" | "error" | "balance";
                message: string | null;
                status: string | null;
            }[];
            failed_requests: {
                created_at: string;
                error_message: string | null;
                error_type: string | null;
                http_status: number;
                id: string;
                requested_model: string;
            }[];
            /** @description Newest first, within the log-retention window. */
            status_changes: {
                at: string;
                balance_remaining: number | null;
                /** @enum {string} */
                kind: "status" | "error" | "balance";
                message: string | null;
                status: string | null;
            }[];
            /** @description Days in `usage` begin at local midnight in this zone. */
            timezone: string;
            usage: {
                cost: number;
                day: string;
                errors: number;
                input_tokens: number;
                output_tokens: number;
                requests: number;
            }[];
        };
        AccountImportFiles: {
            files?: {
                content?: string;
                content_base64?: string;
                name: string;
            }[];
            text?: string;
        };
        AccountImportResult: {
            created: number;
            duplicates: number;
            failed: number;
            results: {
                error?: string;
                existing_id?: string | null;
                id?: string;
                index: number;
                name?: string;
                ok: boolean;
                provider?: string;
                source: string;
                /** @enum {string} */
                status: "created" | "duplicate" | "rejected";
            }[];
        };
        AccountInput: {
            auth_region?: string | null;
            /** Format: uri */
            auth_url?: string | null;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url?: string | null;
            client_id: string;
            client_secret: string;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            /** @enum {string|null} */
            idc_kind?: "builder_id" | "enterprise" | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            profile_arn?: string | null;
            /** @enum {string} */
            provider: "amazonq";
            /** Format: uri */
            proxy_url?: string | null;
            refresh_token: string;
            region?: string | null;
            requests_per_minute?: number | null;
            user_agent?: string | null;
            weight?: number;
        } | {
            api_key?: string | null;
            /**
             * @default social
             * @enum {string}
             */
            auth_method: "social" | "idc" | "api_key";
            auth_region?: string | null;
            /** Format: uri */
            auth_url?: string | null;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url?: string | null;
            client_id?: string | null;
            client_secret?: string | null;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            /** @enum {string|null} */
            idc_kind?: "builder_id" | "enterprise" | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            profile_arn?: string | null;
            /** @enum {string} */
            provider: "kiro";
            /** Format: uri */
            proxy_url?: string | null;
            refresh_token?: string | null;
            region?: string | null;
            requests_per_minute?: number | null;
            user_agent?: string | null;
            weight?: number;
        } | {
            api_key: string;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url?: string | null;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            /** @enum {string} */
            provider: "anthropic";
            /** Format: uri */
            proxy_url?: string | null;
            requests_per_minute?: number | null;
            user_agent?: string | null;
            weight?: number;
        } | {
            api_key: string;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url?: string | null;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            /** @enum {string} */
            provider: "openai";
            /** Format: uri */
            proxy_url?: string | null;
            requests_per_minute?: number | null;
            user_agent?: string | null;
            weight?: number;
        } | {
            api_key: string;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url: string;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            /** @enum {string} */
            provider: "openai-compatible";
            /** Format: uri */
            proxy_url?: string | null;
            requests_per_minute?: number | null;
            supports_responses?: boolean;
            user_agent?: string | null;
            weight?: number;
        } | {
            api_key: string;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url?: string | null;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            /** @enum {string} */
            provider: "amp";
            /** Format: uri */
            proxy_url?: string | null;
            requests_per_minute?: number | null;
            user_agent?: string | null;
            weight?: number;
        } | {
            api_key: string;
            balance_threshold?: number | null;
            /** Format: uri */
            base_url?: string | null;
            enabled?: boolean;
            headers?: {
                [key: string]: string;
            } | null;
            initial_balance?: number | null;
            max_concurrency?: number | null;
            models?: string[] | null;
            name: string;
            priority?: number;
            /** @enum {string} */
            provider: "gemini";
            /** Format: uri */
            proxy_url?: string | null;
            requests_per_minute?: number | null;
            user_agent?: string | null;
            weight?: number;
        };
        /** @description Any account fields to change (credentials included; they are re-encrypted). The provider cannot change. */
        AccountPatch: {
            [key: string]: unknown;
        };
        AccountUsage: {
            data: {
                account_id: string | null;
                account_name: string | null;
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                errors: number;
                /** @description Uncached input tokens. */
                input_tokens: number;
                latency_avg_ms: number;
                output_tokens: number;
                provider: string | null;
                requests: number;
                successes: number;
            }[];
        };
        AdminError: {
            error: {
                field?: string;
                message: string;
                type: string;
            };
        };
        ApiKey: {
            allowed_models: string[] | null;
            budgets: {
                daily_cost?: number | null;
                daily_tokens?: number | null;
                monthly_cost?: number | null;
                monthly_tokens?: number | null;
                total_cost?: number | null;
                total_tokens?: number | null;
            } | null;
            created_at: string;
            enabled: boolean;
            expires_at: string | null;
            id: string;
            is_admin: boolean;
            /** @example amq-Ab3d…wXyz */
            key_hint: string;
            last_used_at: string | null;
            /** @description Requests in flight at once, across instances; more wait in a first-come queue. */
            max_concurrency: number | null;
            name: string;
            /** @description How long a request over max_concurrency waits before a 429; null = the settings' queue_timeout_ms. */
            queue_timeout_ms: number | null;
            requests_per_day: number | null;
            requests_per_minute: number | null;
            total_cost: number;
            total_requests: number;
            total_tokens: number;
            updated_at: string;
        };
        ApiKeyCreate: {
            allowed_models?: string[] | null;
            budgets?: {
                daily_cost?: number | null;
                daily_tokens?: number | null;
                monthly_cost?: number | null;
                monthly_tokens?: number | null;
                total_cost?: number | null;
                total_tokens?: number | null;
            } | null;
            enabled?: boolean;
            expires_at?: string | number | null;
            is_admin?: boolean;
            max_concurrency?: number | null;
            name: string;
            queue_timeout_ms?: number | null;
            requests_per_day?: number | null;
            requests_per_minute?: number | null;
        };
        ApiKeyPatch: {
            allowed_models?: string[] | null;
            budgets?: {
                daily_cost?: number | null;
                daily_tokens?: number | null;
                monthly_cost?: number | null;
                monthly_tokens?: number | null;
                total_cost?: number | null;
                total_tokens?: number | null;
            } | null;
            enabled?: boolean;
            expires_at?: string | number | null;
            is_admin?: boolean;
            max_concurrency?: number | null;
            name?: string;
            queue_timeout_ms?: number | null;
            requests_per_day?: number | null;
            requests_per_minute?: number | null;
        };
        AuditEntry: {
            /** @example accounts.update */
            action: string;
            /** @description The admin key that made the change. */
            actor_key_id: string;
            actor_key_name: string;
            /** @description The changed fields after (the whole resource for a create); credentials redacted. */
            after: {
                [key: string]: unknown;
            } | null;
            /** @description The changed fields before (the whole resource for a delete); credentials redacted. */
            before: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            /** @description The answer; refused attempts are recorded too. */
            http_status: number;
            id: string;
            method: string;
            path: string;
            /** @description The request body, credentials redacted. */
            request?: unknown;
            request_id: string | null;
            target_id: string | null;
            /** @example accounts */
            target_type: string;
        };
        AuditPage: {
            data: components["schemas"]["AuditEntry"][];
            next_cursor: string | null;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The plaintext key. Returned this once only; store it now. */
            key: string;
        };
        KeyUsage: {
            data: {
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                errors: number;
                /** @description Uncached input tokens. */
                input_tokens: number;
                key_id: string;
                key_name: string | null;
                key_revoked: boolean;
                latency_avg_ms: number;
                output_tokens: number;
                requests: number;
                successes: number;
            }[];
        };
        Me: {
            budgets: {
                daily_cost: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
                daily_tokens: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
                monthly_cost: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
                monthly_tokens: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
                total_cost: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
                total_tokens: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
            };
            key: {
                allowed_models: string[] | null;
                created_at: string | null;
                expires_at: string | null;
                id: string;
                is_admin: boolean;
                key_hint: string | null;
                last_used_at: string | null;
                name: string;
            };
            limits: {
                /** @description Requests logged today against the daily limit. */
                requests_per_day: {
                    /** @description null: no limit. */
                    limit: number | null;
                    remaining: number | null;
                    /** @description When the period ends (local midnight or month start in `timezone`); null for totals. */
                    resets_at: string | null;
                    used: number;
                };
                requests_per_minute: number | null;
            };
            recent_requests: {
                cost: number;
                created_at: string;
                error_message: string | null;
                error_type: string | null;
                http_status: number;
                id: string;
                input_tokens: number;
                latency_ms: number;
                output_tokens: number;
                requested_model: string;
                /** @enum {string} */
                status: "success" | "error";
                stream: boolean;
            }[];
            /** @description Days begin at local midnight in this IANA zone. */
            timezone: string;
            usage: {
                cache_read_tokens: number;
                cache_write_tokens: number;
                cost: number;
                /** @description Local midnight of the day, as an ISO instant. */
                day: string;
                errors: number;
                input_tokens: number;
                output_tokens: number;
                requests: number;
            }[];
        };
        ModelUsage: {
            data: {
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                errors: number;
                /** @description Uncached input tokens. */
                input_tokens: number;
                latency_avg_ms: number;
                model: string;
                output_tokens: number;
                requests: number;
                successes: number;
            }[];
        };
        RequestLog: {
            account_id: string | null;
            account_name: string | null;
            api_key_id: string;
            api_key_name: string | null;
            /** @description Every upstream attempt in order, failovers included; account_id above is the last one. */
            attempts: {
                account_id: string;
                error_type?: string;
                http_status?: number;
                /** @enum {string} */
                outcome: "success" | "error";
                provider: string;
            }[];
            cache_read_tokens: number;
            /** @description Cache writes with a 1-hour TTL, when the upstream says. */
            cache_write_1h_tokens: number | null;
            /** @description Cache writes with a 5-minute TTL, when the upstream says. */
            cache_write_5m_tokens: number | null;
            cache_write_tokens: number;
            client_format: string;
            client_ip: string | null;
            cost: number;
            created_at: string;
            credits: number | null;
            error_message: string | null;
            error_type: string | null;
            http_status: number;
            id: string;
            input_tokens: number;
            /** @description The key was deleted since; its name is kept. */
            key_revoked: boolean;
            latency_ms: number;
            output_tokens: number;
            provider: string | null;
            requested_model: string;
            /** @enum {string} */
            status: "success" | "error";
            stream: boolean;
            ttft_ms: number | null;
            upstream_model: string | null;
            user_agent: string | null;
        };
        Settings: {
            /** @default 30000 */
            attempt_timeout_ms: number;
            /** @default 3600 */
            balance_check_interval_seconds: number;
            /** @default 120000 */
            first_byte_timeout_ms: number;
            /** @default 300 */
            health_check_interval_seconds: number;
            /** @default 30 */
            log_retention_days: number;
            /** @default 3 */
            max_failover_attempts: number;
            /**
             * @default {
             *       "gpt-4": "claude-sonnet-4.5"
             *     }
             */
            model_mappings: {
                [key: string]: string;
            };
            /** @default {} */
            prices: {
                [key: string]: {
                    cache_read?: number;
                    cache_write?: number;
                    cache_write_1h?: number;
                    input: number;
                    output: number;
                };
            };
            /** @default 0 */
            queue_timeout_ms: number;
            /** @default 400 */
            rollup_retention_days: number;
            /**
             * @default round_robin
             * @enum {string}
             */
            routing_strategy: "round_robin" | "weighted" | "priority" | "least_inflight";
            /** @default 3600 */
            sticky_session_ttl_seconds: number;
            /** @default 120000 */
            stream_idle_timeout_ms: number;
            /** @default UTC */
            timezone: string;
            /** @default [] */
            webhooks: {
                /**
                 * @default [
                 *       "account_disabled",
                 *       "quota_exhausted",
                 *       "balance_low",
                 *       "key_budget_reached"
                 *     ]
                 */
                events: ("account_disabled" | "quota_exhausted" | "balance_low" | "key_budget_reached")[];
                secret?: string;
                /** Format: uri */
                url: string;
            }[];
        };
        UsageOverview: {
            accounts: {
                active: number;
                cooling: number;
                disabled: number;
                quota_exhausted: number;
                total: number;
            };
            last_7_days: {
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                error_rate: number;
                errors: number;
                /** @description Uncached input tokens. */
                input_tokens: number;
                output_tokens: number;
                requests: number;
                successes: number;
                total_tokens: number;
            };
            last_30_days: {
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                error_rate: number;
                errors: number;
                /** @description Uncached input tokens. */
                input_tokens: number;
                output_tokens: number;
                requests: number;
                successes: number;
                total_tokens: number;
            };
            /** @description The IANA time zone where days begin (the `timezone` setting). */
            timezone: string;
            today: {
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                error_rate: number;
                errors: number;
                /** @description Uncached input tokens. */
                input_tokens: number;
                output_tokens: number;
                requests: number;
                successes: number;
                total_tokens: number;
            };
            /** @description When "today" began: local midnight in `timezone`, as an ISO instant. */
            today_started_at: string;
        };
        UsageTimeline: {
            data: {
                /** @description Start of the hour, or of the day at local midnight in the `timezone` setting (ISO instant). */
                bucket: string;
                cache_read_tokens: number;
                cache_write_tokens: number;
                /** @description USD, from the price table at the time of each request. */
                cost: number;
                /** @description Upstream credits, where the upstream reports them. */
                credits: number;
                errors: number;
                group: string | null;
                /** @description Uncached input tokens. */
                input_tokens: number;
                latency_avg_ms: number;
                latency_max_ms: number;
                latency_p95_ms: number;
                output_tokens: number;
                requests: number;
                successes: number;
            }[];
            /** @enum {string} */
            granularity: "hour" | "day";
            /** @enum {string} */
            group_by: "none" | "model" | "provider" | "key" | "account";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
