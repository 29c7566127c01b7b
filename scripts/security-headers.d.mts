export declare const CONTENT_SECURITY_POLICY_META: string;
export declare const CONTENT_SECURITY_POLICY: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare function staticHostHeaders(): string;
