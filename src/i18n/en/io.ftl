# Why a file operation failed (i18n::io_error): the system says it in English only.

io-bestaat-niet = the file or folder does not exist
io-geen-toestemming = permission denied
io-schijf-vol = the disk is full
io-alleen-lezen = the disk is read-only
io-is-een-map = this is a folder, not a file
io-geen-map = a part of the path is not a folder
io-naam-ongeldig = the name is too long or has characters that are not allowed
link-kring = a symbolic link points to a folder it is itself in
