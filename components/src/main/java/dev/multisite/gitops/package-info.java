/**
 * GitOps: Argo CD (per site, or one hub), every managed site registered as a cluster Secret with
 * its labels, and one ApplicationSet per app that deploys it to every matching site, safely.
 */
package dev.multisite.gitops;
