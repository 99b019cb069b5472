// Named types for the API's schemas.
export {};
