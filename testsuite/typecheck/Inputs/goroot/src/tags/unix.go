//go:build unix

package tags

const E = 1
