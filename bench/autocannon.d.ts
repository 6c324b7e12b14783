// The part of autocannon's programmatic API the tile bench uses (the package ships no types).
declare module "autocannon" {
  type Options = { url: string; connections?: number; duration?: number; requests?: { method?: string; path: string }[] };
  type Result = { latency: { p50: number; p99: number }; requests: { average: number; total: number }; non2xx: number; errors: number };
  export default function autocannon(options: Options): Promise<Result>;
}
