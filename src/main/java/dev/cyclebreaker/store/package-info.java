/**
 * Redis implementations of the features' storage interfaces, Lua script loading, and the local
 * redis-server child process. The only package that may import Lettuce; depends on the feature
 * packages' interfaces, never the other way round.
 */
package dev.cyclebreaker.store;
