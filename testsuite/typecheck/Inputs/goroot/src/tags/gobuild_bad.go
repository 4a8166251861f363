//go:build windows || cgo || goexperiment.regabi || !linux

package tags

const A = 2
