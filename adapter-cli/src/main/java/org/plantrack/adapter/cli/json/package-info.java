/** JSON output shapes of the command line (serialised by Jackson; documented in docs/cli.md). */
package org.plantrack.adapter.cli.json;
