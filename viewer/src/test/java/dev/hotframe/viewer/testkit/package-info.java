/** Test support shared by the viewer's tests: the real in-process javac and pixel reading from Skija surfaces. */
package dev.hotframe.viewer.testkit;
