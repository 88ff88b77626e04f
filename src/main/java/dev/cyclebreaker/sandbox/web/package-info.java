/**
 * The local sandbox's web chat: a JSON API over {@link dev.cyclebreaker.sandbox.FakeTelegram} and the
 * page that uses it. Depends on the sandbox package and Spring MVC; registered only in sandbox mode.
 */
package dev.cyclebreaker.sandbox.web;
