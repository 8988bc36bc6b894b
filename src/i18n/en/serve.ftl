# gka serve: the lines in the terminal, the panel of errors in the browser and the errors
# that keep the server from starting.

serve-adres = Serving { $url }
serve-let-op = Watching { $folders } for changes. Press Ctrl-C to stop.
serve-gedeeld = warning: serving on { $interface }, not only on this computer: anyone who can reach this address can read the site, drafts included. Use the default --interface 127.0.0.1 unless you mean to share it. Others open it by this computer's IP address: the server answers no host name but localhost.
serve-geen-browser = warning: cannot open a browser: { $reason }
serve-gewijzigd = Changed: { $files }
serve-wijzigingen-fout = warning: watching for changes: { $reason }
serve-gestopt = Stopped.
serve-gemaakt = { $pages ->
    [one] Built 1 page in { $seconds } s
   *[other] Built { $pages } pages in { $seconds } s
}
serve-opnieuw = Rebuilt { $rendered } of { $pages } pages in { $ms } ms ({ $read } files read, { $made } rendered, { $written } written, { $removed } removed)
serve-zoekindex = Search index updated in { $seconds } s
serve-mislukt = Failed: { $summary }. Still serving the last good build.
serve-fout = error: { $message }. Still serving the last good build.
serve-maken-mislukt = the build failed
serve-geen-verbinding = warning: cannot accept a connection: { $reason }
serve-paneel-titel = The site does not build: { $summary }
serve-paneel-uitleg = gka serve shows the last good build until this is fixed. This panel appears only in gka serve.
serve-niet-gevonden = Not found
serve-niet-gevonden-tekst = This page does not exist (or the site is not built yet).
serve-ander-adres = gka serve answers only requests for its own address, such as http://{ $address }/
serve-alleen-lezen = gka serve answers GET and HEAD
serve-luisteren = cannot listen on { $address }: { $reason }
serve-luisteren-bezet = cannot listen on { $address }: the port is in use, perhaps by another gka serve. Pick another port with --port, or let the system pick a free one with --port 0
serve-tijdelijke-map = cannot create a temporary folder for the site: { $reason }
serve-draden = cannot start the threads that build the site: { $reason }
serve-webserver = cannot start the web server: { $reason }
serve-wijzigingen-volgen = cannot watch { $folder } for changes: { $reason }
help-serve-base-url = The address you view the preview at, instead of this server's own: with a path (http://127.0.0.1:1111/gka/) the site is served under it, as when it is published in a sub-folder; with a name (http://laptop.local:1111/) the server answers that name too
