// The policyc extension: starts `policyc lsp` (the language server, JSON-RPC over stdio) for
// every *.policy file. The command is the setting `policyc.command`, or .venv/bin/policyc in the
// workspace when that exists, or `policyc` on the PATH.
"use strict";

const fs = require("fs");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration("policyc").get("command");
  if (configured && configured !== "policyc") {
    return configured;
  }
  for (const folder of vscode.workspace.workspaceFolders || []) {
    const venv = path.join(folder.uri.fsPath, ".venv", "bin", "policyc");
    if (fs.existsSync(venv)) {
      return venv;
    }
  }
  return "policyc";
}

function activate(context) {
  const command = serverCommand();
  const cwd = (vscode.workspace.workspaceFolders || [])[0]?.uri.fsPath;
  const serverOptions = {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
    options: cwd ? { cwd } : {},
  };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "policy" }],
    synchronize: {
      // quotes are checked against the source text next to the policy
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{policy,txt}"),
    },
  };
  client = new LanguageClient("policyc", "policyc", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
