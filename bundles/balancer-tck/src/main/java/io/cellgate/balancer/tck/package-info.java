/**
 * The balancer conformance kit (TCK): {@link io.cellgate.balancer.tck.BalancerConformanceTest}, a JUnit 5 test a
 * board vendor extends with one method, and {@link io.cellgate.balancer.tck.ParameterNames}, the descriptor
 * parameter names it probes by convention. See {@code docs/adding-a-board.md}.
 */
package io.cellgate.balancer.tck;
