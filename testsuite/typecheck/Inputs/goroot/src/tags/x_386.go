package tags

const D = 3
