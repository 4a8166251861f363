package tags

const G = 1
