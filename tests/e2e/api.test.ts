import { inject } from "vitest";
import { defineApiSuite } from "./api-suite";

// The run's server, on the default embedded SQLite store.
defineApiSuite(() => inject("baseUrl"));
