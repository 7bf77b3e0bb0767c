package dev.multisite.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Argo CD health scripts for ServiceExport and ServiceImport in a Lua interpreter (luaj;
 * Argo CD runs them with gopher-lua, both Lua 5.1-compatible for what the scripts use), the way Argo
 * CD does: the live object as the global {@code obj}, the script's returned table its health.
 */
class McsHealthChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] health(String kind, String object) throws Exception {
        String script = McsHealthChecks.argocdCm().get(McsHealthChecks.key(kind));
        Globals globals = JsePlatform.standardGlobals();
        globals.set("obj", lua(JSON.readTree(object.replace('\'', '"'))));
        LuaValue result = globals.load(script, kind).call();
        return new String[]{result.get("status").tojstring(), result.get("message").tojstring()};
    }

    private static LuaValue lua(JsonNode node) {
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                table.set(e.getKey(), lua(e.getValue()));
            }
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < node.size(); i++) {
                table.set(i + 1, lua(node.get(i)));
            }
            return table;
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.asBoolean());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.asDouble());
        }
        return node.isNull() ? LuaValue.NIL : LuaValue.valueOf(node.asText());
    }

    @Test
    void theKeysAreArgocdCmHealthCustomizationsByGroupAndKind() {
        assertThat(McsHealthChecks.argocdCm()).containsOnlyKeys(
                "resource.customizations.health.multicluster.x-k8s.io_ServiceExport",
                "resource.customizations.health.multicluster.x-k8s.io_ServiceImport");
    }

    @Test
    void anInvalidOrConflictingExportIsDegradedAReadyOneHealthy() throws Exception {
        assertThat(health("ServiceExport", "{'metadata':{'name':'hello'}}")[0]).isEqualTo("Progressing");
        assertThat(health("ServiceExport", "{'status':{'conditions':[{'type':'Valid','status':'False','reason':'NoService','message':'service hello not found'}]}}"))
                .containsExactly("Degraded", "Not valid: service hello not found");
        assertThat(health("ServiceExport", "{'status':{'conditions':[{'type':'Valid','status':'True'},{'type':'Conflict','status':'True','message':'port mismatch'}]}}"))
                .containsExactly("Degraded", "Conflict: port mismatch");
        assertThat(health("ServiceExport", "{'status':{'conditions':[{'type':'Valid','status':'True'},{'type':'Ready','status':'False','reason':'Pending'}]}}"))
                .containsExactly("Progressing", "Not ready: Pending");
        assertThat(health("ServiceExport", "{'status':{'conditions':[{'type':'Valid','status':'True'},{'type':'Ready','status':'True'},{'type':'Conflict','status':'False'}]}}")[0])
                .isEqualTo("Healthy");
        assertThat(health("ServiceExport", "{'status':{'conditions':[{'type':'Valid','status':'True'}]}}")[0]).as("no Ready condition set").isEqualTo("Healthy");
    }

    @Test
    void anImportIsHealthyOnceAClusterExportsItAndDegradedOnConflict() throws Exception {
        assertThat(health("ServiceImport", "{'spec':{'type':'ClusterSetIP'}}")[0]).isEqualTo("Progressing");
        assertThat(health("ServiceImport", "{'status':{'clusters':[]}}")[0]).isEqualTo("Progressing");
        assertThat(health("ServiceImport", "{'status':{'clusters':[{'cluster':'aws-use1'},{'cluster':'gcp-euw4'}]}}"))
                .containsExactly("Healthy", "Imported from 2 cluster(s)");
        assertThat(health("ServiceImport", "{'status':{'conditions':[{'type':'Conflict','status':'True','reason':'ProtocolConflict'}]}}"))
                .containsExactly("Degraded", "Conflict: ProtocolConflict");
        assertThat(health("ServiceImport", "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}")[0]).isEqualTo("Healthy");
    }
}
