#pragma once

#include "app_theme.h"
#include "capture/receiver_config.h"

class QSettings;

namespace hookbench {

// What the Settings dialog edits and QSettings keeps between runs. The database location is not
// here: it comes from --db or the default, and the unknown-path policy lives in the database so
// that `hookbench-cli serve` honours it too.
struct AppSettings
{
    ReceiverConfig receiver;
    AppTheme theme = AppTheme::System;

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
};

QString tlsModeName(TlsMode mode);
TlsMode tlsModeFromName(const QString &name);

} // namespace hookbench
