// An app that adds a route rule to a VPC route table (@bcekit/vpc).
import { createClient } from '@bcekit/core';
import { createRouteRule } from '@bcekit/vpc';

export { createClient, createRouteRule };
