// Package basic is tested by testsuite/gotest/basic.go.
package basic

func Add(a, b int) int { return a + b }

var secret = 42
