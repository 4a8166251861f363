//go:build linux
// +build ignore

package tags

const C = 1
