#pragma once

#include <QStringList>

// One function per sub-command of hookbench-cli; each returns the process exit code.
namespace hookbench::cli {

int runServe(const QStringList &arguments);
int runEndpoint(const QStringList &arguments);
int runList(const QStringList &arguments);
int runShow(const QStringList &arguments);
int runVerify(const QStringList &arguments);
int runSign(const QStringList &arguments);
int runFindScheme(const QStringList &arguments);
int runSubscription(const QStringList &arguments);
int runFire(const QStringList &arguments);

} // namespace hookbench::cli
