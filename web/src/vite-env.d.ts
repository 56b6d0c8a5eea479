/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API when the UI is served from elsewhere (the server's CORS_ORIGINS must list the UI). */
  readonly VITE_API_BASE_URL?: string;
  /** development | staging | production; defaults from the Vite mode. */
  readonly VITE_ENVIRONMENT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
