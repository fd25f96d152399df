// Lets TypeScript accept CSS and asset imports the way Vite bundles them.
/// <reference types="vite/client" />
