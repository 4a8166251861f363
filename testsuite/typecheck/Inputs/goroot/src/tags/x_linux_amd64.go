package tags

const D = 1
