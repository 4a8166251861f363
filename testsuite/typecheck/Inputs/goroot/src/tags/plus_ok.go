// +build linux,!cgo darwin

package tags

const B = 1
