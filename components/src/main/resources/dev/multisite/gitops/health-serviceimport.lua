-- Argo CD health of a multicluster.x-k8s.io ServiceImport: Conflict=True is Degraded, Ready=True is
-- Healthy (KEP-1645 conditions, v1beta1); without conditions (v1alpha1 has none) an import that lists
-- at least one exporting cluster is Healthy.
local hs = { status = "Progressing", message = "Waiting for an exporting cluster" }
if obj.status == nil then
  return hs
end
if obj.status.conditions ~= nil then
  local found = {}
  for _, condition in ipairs(obj.status.conditions) do
    found[condition.type] = condition
  end
  if found["Conflict"] ~= nil and found["Conflict"].status == "True" then
    hs.status = "Degraded"
    hs.message = "Conflict: " .. (found["Conflict"].message or found["Conflict"].reason or "")
    return hs
  end
  if found["Ready"] ~= nil then
    if found["Ready"].status == "True" then
      hs.status = "Healthy"
      hs.message = "Imported"
    else
      hs.message = "Not ready: " .. (found["Ready"].message or found["Ready"].reason or "")
    end
    return hs
  end
end
if obj.status.clusters ~= nil and #obj.status.clusters > 0 then
  hs.status = "Healthy"
  hs.message = "Imported from " .. #obj.status.clusters .. " cluster(s)"
end
return hs
