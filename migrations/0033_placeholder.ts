// Placeholder — dropped at merge (another branch owns this number).
export async function up(): Promise<void> {}
export async function down(): Promise<void> {}
