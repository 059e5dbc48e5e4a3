// The folders of the embedded database. One home (default .neo4j/ in the project) holds the
// jars resolved by Maven and any number of instances, each with its own config, data, logs,
// password and port: the demo uses `default`, the tests `test`, so tests never touch demo data.
import path from 'node:path';

export interface HomeLayout {
  home: string;
  lib: string;
  plugins: string;
  stamp: string;
  installLog: string;
}

export interface InstanceLayout {
  name: string;
  dir: string;
  conf: string;
  confFile: string;
  data: string;
  logs: string;
  run: string;
  passwordFile: string;
  pidFile: string;
  consoleLog: string;
  neo4jLog: string;
}

export function homeLayout(home: string): HomeLayout {
  return {
    home,
    lib: path.join(home, 'lib'),
    plugins: path.join(home, 'plugins'),
    stamp: path.join(home, 'installed.json'),
    installLog: path.join(home, 'install.log'),
  };
}

export function instanceLayout(home: string, name: string): InstanceLayout {
  const dir = path.join(home, 'instances', name);
  const logs = path.join(dir, 'logs');
  return {
    name,
    dir,
    conf: path.join(dir, 'conf'),
    confFile: path.join(dir, 'conf', 'neo4j.conf'),
    data: path.join(dir, 'data'),
    logs,
    run: path.join(dir, 'run'),
    passwordFile: path.join(dir, 'password'),
    pidFile: path.join(dir, 'run', 'ringwatch-neo4j.pid'),
    consoleLog: path.join(logs, 'console.log'),
    neo4jLog: path.join(logs, 'neo4j.log'),
  };
}
