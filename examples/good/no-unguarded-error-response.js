// The same lookup, with a branch for errors that carry no response.
import axios from 'axios';

const users = axios.create({
  baseURL: 'https://users.example.com',
  timeout: 5000,
  responseType: 'json',
  transitional: { silentJSONParsing: false },
});

export async function findUser(id) {
  try {
    const { data } = await users.get(`/users/${id}`);
    return data;
  } catch (err) {
    if (err.response?.status === 404) return null;
    if (!err.response) {
      console.error(`GET /users/${id} failed without a response: ${err.message}`);
      throw err;
    }
    console.error(`GET /users/${id} failed with ${err.response.status}`, err.response.data);
    throw err;
  }
}

export function renameUser(id, name) {
  return users.patch(`/users/${id}`, { name }).catch((err) => {
    const status = err.response?.status ?? 'no response';
    throw new Error(`PATCH /users/${id} failed with ${status}`, { cause: err });
  });
}
