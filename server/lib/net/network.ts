// What the webhooks module needs from the network, as one replaceable value: tests pass a
// stub resolver and a spy sender so nothing leaves the machine unless they mean it to.
import { pinnedPost, type PostFn } from './pinned-post.ts';
import { systemResolver, type Resolver } from './ssrf-guard.ts';

export interface WebhookNetwork {
  resolve: Resolver;
  post: PostFn;
}

export const systemNetwork: WebhookNetwork = { resolve: systemResolver, post: pinnedPost };
