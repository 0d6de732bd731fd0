// An app that routes traffic: createClient + createRouteRule of @bcekit/vpc. Held to the create-only budget.
import { createClient } from '@bcekit/core';
import { createRouteRule } from '@bcekit/vpc';

export { createClient, createRouteRule };
