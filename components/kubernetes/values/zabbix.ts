/** Zabbix agent DaemonSet values (chart zabbix-community/zabbix) reporting to the LXC server. */
import type { ValuesContext } from "./common";

export interface ZabbixValues {
  zabbixServer: { enabled: boolean };
  zabbixWeb: { enabled: boolean };
  zabbixWebService: { enabled: boolean };
  zabbixProxy: { enabled: boolean };
  zabbixJavaGateway: { enabled: boolean };
  postgresql: { enabled: boolean };
  zabbixAgent: {
    enabled: boolean;
    runAsSidecar: boolean;
    runAsDaemonSet: boolean;
    hostNetwork: boolean;
    hostRootFsMount: boolean;
    ZBX_SERVER_HOST: string;
    ZBX_SERVER_PORT: number;
    ZBX_PASSIVE_ALLOW: boolean;
    ZBX_ACTIVE_ALLOW: boolean;
  };
}

export function zabbixValues(ctx: ValuesContext): ZabbixValues {
  const { host: server, port } = ctx.services.zabbixServer;
  return {
    // The server, web UI and database run in the Zabbix LXC; only agents run here.
    zabbixServer: { enabled: false },
    zabbixWeb: { enabled: false },
    zabbixWebService: { enabled: false },
    zabbixProxy: { enabled: false },
    zabbixJavaGateway: { enabled: false },
    postgresql: { enabled: false },
    zabbixAgent: {
      enabled: true,
      runAsSidecar: false,
      runAsDaemonSet: true,
      // Host network and root fs: the agent reports on the node VM, not on its own pod.
      hostNetwork: true,
      hostRootFsMount: true,
      ZBX_SERVER_HOST: server,
      ZBX_SERVER_PORT: port,
      ZBX_PASSIVE_ALLOW: true,
      // Active checks go to ZBX_SERVER_HOST:ZBX_SERVER_PORT: the image's entrypoint puts that
      // address first in ServerActive and appends ZBX_ACTIVESERVERS. Naming the server there as
      // well lists it twice, which agent 2 rejects at start (the DaemonSet crash-loops).
      ZBX_ACTIVE_ALLOW: true,
    },
  };
}
