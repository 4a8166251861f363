package tags

const D = 2
