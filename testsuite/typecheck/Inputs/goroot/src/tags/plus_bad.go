// +build !linux

package tags

const B = 2
