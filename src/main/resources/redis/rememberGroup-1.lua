--[[
  rememberGroup: create or refresh the record of a group the bot answered in, before an invite to it
  is stored. The generation is kept while the record lives, so invites made earlier stay valid;
  after the group was forgotten (the bot removed) a new record gets a new one, voiding old invites.

  KEYS[1]  the group, cb:{g:<groupId>}:group, hash: t the title, n the generation
  ARGV[1]  the title
  ARGV[2]  a new random generation, used only when the record does not exist
  ARGV[3]  time to live in seconds, renewed on every call

  Returns the record's generation (ARGV[2] for a new record).
]]
redis.call('HSET', KEYS[1], 't', ARGV[1])
redis.call('HSETNX', KEYS[1], 'n', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return redis.call('HGET', KEYS[1], 'n')
