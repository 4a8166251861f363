// +build linux
// +build cgo

package tags

const B = 3
