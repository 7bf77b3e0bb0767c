-- Argo CD health of a multicluster.x-k8s.io ServiceExport, from its KEP-1645 conditions:
-- Valid=False or Conflict=True is Degraded; Ready=True (or Valid=True where the controller sets no
-- Ready) is Healthy; anything else is still Progressing.
local hs = { status = "Progressing", message = "Waiting for the MCS controller to report on the export" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
local found = {}
for _, condition in ipairs(obj.status.conditions) do
  found[condition.type] = condition
end
local function reason(condition)
  return condition.message or condition.reason or ""
end
if found["Valid"] ~= nil and found["Valid"].status == "False" then
  hs.status = "Degraded"
  hs.message = "Not valid: " .. reason(found["Valid"])
  return hs
end
if found["Conflict"] ~= nil and found["Conflict"].status == "True" then
  hs.status = "Degraded"
  hs.message = "Conflict: " .. reason(found["Conflict"])
  return hs
end
if found["Ready"] ~= nil then
  if found["Ready"].status == "True" then
    hs.status = "Healthy"
    hs.message = "Exported"
  else
    hs.message = "Not ready: " .. reason(found["Ready"])
  end
  return hs
end
if found["Valid"] ~= nil and found["Valid"].status == "True" then
  hs.status = "Healthy"
  hs.message = "Exported"
end
return hs
