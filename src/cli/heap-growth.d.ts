// Types of heap-growth.js (plain JavaScript: the `hotwords` command runs it before tsx is registered).
export function limitHeapGrowth(): void;
export function fullCollection(): () => void;
