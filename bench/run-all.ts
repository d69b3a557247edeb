// Runs every benchmark in turn; each prints a Markdown table for docs/BENCHMARKS.md.
await import('./http-throughput.js');
await import('./chat-overhead.js');
await import('./search-latency.js');
await import('./knowledge-ingestion.js');
await import('./knowledge-search.js');
