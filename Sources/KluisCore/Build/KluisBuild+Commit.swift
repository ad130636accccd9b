// scripts/package replaces this file, in the copy of the tree it builds, with the commit built.
let stampedCommit = "source"
